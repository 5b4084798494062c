package dev.kiln.effects;

/**
 * Something page code asks of the world, described as data; {@code R} is what performing it
 * returns. The set is sealed so that every handler can {@code switch} over it exhaustively: adding
 * an effect makes the compiler list every handler that must decide what to do with it.
 *
 * @param <R> the type of the answer
 * @since 0.1
 */
public sealed interface Effect<R>
        permits ReadFile, ListFiles, FileExists, StatFile, WriteFile, CopyFile, ReadOutputFile, SpliceOutputFile, StatOutputFile,
                StatOutputFiles,
                DeleteOutputFile, PureEffect, RenderTemplate, Log, Parallel, Traced, PruneOutputs, ReadClock, IsPast,
                ReportProgress, ChangedFiles, KeepEarlierTrace, Recorded {
}
