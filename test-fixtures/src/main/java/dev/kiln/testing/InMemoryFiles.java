package dev.kiln.testing;

import dev.kiln.effects.Bytes;
import dev.kiln.effects.CopyFile;
import dev.kiln.effects.DeleteOutputFile;
import dev.kiln.effects.Effect;
import dev.kiln.effects.EffectFailedException;
import dev.kiln.effects.FileExists;
import dev.kiln.effects.FileStamp;
import dev.kiln.effects.Handler;
import dev.kiln.effects.ListFiles;
import dev.kiln.effects.Next;
import dev.kiln.effects.OutputPath;
import dev.kiln.effects.ReadFile;
import dev.kiln.effects.ReadOutputFile;
import dev.kiln.effects.SitePath;
import dev.kiln.effects.SpliceOutputFile;
import dev.kiln.effects.StatFile;
import dev.kiln.effects.StatOutputFile;
import dev.kiln.effects.StatOutputFiles;
import dev.kiln.effects.Unit;
import dev.kiln.effects.WriteFile;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A site folder and an output folder held in memory: answers every file effect, so tests run the
 * real page code with no disk, deterministically and in milliseconds. Every change of a file gives
 * it a new modification stamp, as a disk would. Safe to use from parallel forks.
 *
 * @since 0.1
 */
public final class InMemoryFiles implements Handler {
    private final NavigableMap<String, Entry> site = new ConcurrentSkipListMap<>();
    private final NavigableMap<String, Entry> output = new ConcurrentSkipListMap<>();
    private final AtomicLong clock = new AtomicLong();

    private record Entry(Bytes content, long modified) {
        FileStamp stamp() {
            return new FileStamp(content.size(), modified);
        }
    }

    private InMemoryFiles() {
    }

    /** Answers an empty site. */
    public static InMemoryFiles empty() {
        return new InMemoryFiles();
    }

    /** Answers a site holding {@code files}: path (relative to the site) to UTF-8 text. */
    public static InMemoryFiles of(Map<String, String> files) {
        var memory = new InMemoryFiles();
        files.forEach(memory::put);
        return memory;
    }

    /** Puts (or replaces) a site file. */
    public InMemoryFiles put(String path, String text) {
        return put(path, Bytes.utf8(text));
    }

    /** Puts (or replaces) a site file with binary content. */
    public InMemoryFiles put(String path, Bytes content) {
        site.put(SitePath.of(path).value(), entry(content));
        return this;
    }

    /** Removes a site file. */
    public InMemoryFiles delete(String path) {
        site.remove(path);
        return this;
    }

    /** Puts an output file, as a previous build (or a person) would have left it. */
    public InMemoryFiles putOutput(String path, String text) {
        output.put(OutputPath.of(path).value(), entry(Bytes.utf8(text)));
        return this;
    }

    /** Removes an output file, as a person might. */
    public InMemoryFiles deleteOutput(String path) {
        output.remove(path);
        return this;
    }

    private Entry entry(Bytes content) {
        return new Entry(content, clock.incrementAndGet());
    }

    /** Answers a snapshot of the site files. */
    public Map<String, Bytes> siteFiles() {
        var files = new TreeMap<String, Bytes>();
        site.forEach((path, entry) -> files.put(path, entry.content()));
        return files;
    }

    /** Answers a snapshot of the output, path to content, sorted by path. */
    public Map<String, Bytes> output() {
        var files = new TreeMap<String, Bytes>();
        output.forEach((path, entry) -> files.put(path, entry.content()));
        return files;
    }

    /** Answers an output file as text; fails if the build did not write it. */
    public String outputText(String path) {
        var entry = output.get(path);
        if (entry == null) {
            throw new AssertionError("no output file " + path + "; the output holds " + output.keySet());
        }
        return entry.content().asUtf8();
    }

    @Override
    @SuppressWarnings("unchecked")
    public <R> R handle(Effect<R> effect, Next next) {
        return switch (effect) {
            case ReadFile read -> (R) read(read);
            case ListFiles list -> (R) site.keySet().stream()
                    .map(SitePath::of)
                    .filter(path -> path.isInside(list.folder()))
                    .toList();
            case FileExists exists -> (R) Boolean.valueOf(site.containsKey(exists.path().value()));
            case StatFile stat -> (R) Optional.ofNullable(site.get(stat.path().value())).map(Entry::stamp);
            case WriteFile write -> {
                // A file its stamp vouches for is left as it is, stamp included, as on a disk.
                if (!write.isVouchedFor(outputStamp(write.path()))) {
                    output.put(write.path().value(), entry(write.content()));
                }
                yield (R) Unit.UNIT;
            }
            case CopyFile copy -> {
                output.put(copy.target().value(), entry(read(new ReadFile(copy.source()))));
                yield (R) Unit.UNIT;
            }
            case ReadOutputFile read -> (R) Optional.ofNullable(output.get(read.path().value())).map(Entry::content);
            case SpliceOutputFile splice -> {
                var existing = Optional.ofNullable(output.get(splice.path().value())).map(Entry::content);
                var spliced = splice.applyTo(existing);
                // The same bytes leave the file as it was, stamp included, as on a disk.
                if (!spliced.equals(existing.get())) {
                    output.put(splice.path().value(), entry(spliced));
                }
                yield (R) spliced.sha256();
            }
            case StatOutputFile stat -> (R) outputStamp(stat.path());
            case StatOutputFiles stats -> (R) stats.paths().stream().map(this::outputStamp).toList();
            case DeleteOutputFile delete -> {
                output.remove(delete.path().value());
                yield (R) Unit.UNIT;
            }
            default -> next.forward(effect);
        };
    }

    private Bytes read(ReadFile read) {
        var entry = site.get(read.path().value());
        if (entry == null) {
            throw new EffectFailedException(read, read.path().value(), 0, "no such file", null);
        }
        return entry.content();
    }

    /** Answers the stamp of an output file, empty where there is none. */
    private Optional<FileStamp> outputStamp(OutputPath path) {
        return Optional.ofNullable(output.get(path.value())).map(Entry::stamp);
    }
}
