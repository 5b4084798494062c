package dev.kiln.site;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZonedDateTime;
import org.junit.jupiter.api.Test;

/** site-core describes I/O as effects: it may not touch files, threads or the clock itself. */
class PurityTests {
    private static final JavaClasses SITE_CORE = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.kiln.site");

    @Test
    void siteCoreUsesNoFileApis() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage("java.nio.file..", "java.nio.channels..")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("java.io.File")
                .orShould().dependOnClassesThat().haveNameMatching("java\\.io\\.(File|RandomAccessFile).*")
                .because("site-core reads and writes through ReadFile, ListFiles and WriteFile effects")
                .check(SITE_CORE);
    }

    @Test
    void siteCoreStartsNoThreads() {
        noClasses().should().dependOnClassesThat().areAssignableTo(Thread.class)
                .orShould().dependOnClassesThat().haveNameMatching("java\\.util\\.concurrent\\.(Executor.*|ForkJoin.*|.*ThreadFactory|CompletableFuture|StructuredTaskScope.*)")
                .because("parallelism is the Parallel effect's handler's decision")
                .check(SITE_CORE);
    }

    @Test
    void siteCoreNeverReadsTheClock() {
        noClasses().should().callMethod(System.class, "currentTimeMillis")
                .orShould().callMethod(System.class, "nanoTime")
                .orShould().callMethod(Instant.class, "now")
                .orShould().callMethod(LocalDate.class, "now")
                .orShould().callMethod(LocalDateTime.class, "now")
                .orShould().callMethod(ZonedDateTime.class, "now")
                .orShould().dependOnClassesThat().areAssignableTo(Clock.class)
                .because("the time comes from the ReadClock effect, so tests can fix it")
                .check(SITE_CORE);
    }
}
