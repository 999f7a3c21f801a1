#pragma once

#include <QPlainTextEdit>
#include <QStringList>

// What the log benchmarks share: the process's CPU time and memory, and the baseline they
// measure the log pane against.
namespace JobDeck::Bench {

// CPU time of the whole process (all threads, user + system), in ms: on a machine shared
// with other work it tells the cost of an operation better than the wall clock.
double cpuMs();

// A field of /proc/self/status in kB ("VmRSS": resident now, "VmHWM": the peak so far);
// 0 when it cannot be read.
qint64 statusKb(const char *field);

// The log pane before the log engine, at its best: a read-only QPlainTextEdit without wrap
// or undo, fed the way Qt Creator's output pane is (../shared/performance.md): lines
// appended at the end in chunks of at most ChunkLines, scrolled to the end after each.
class PlainTextLogPane final : public QPlainTextEdit
{
public:
    static constexpr int ChunkLines = 10000;

    explicit PlainTextLogPane(QWidget *parent = nullptr);

    void appendLines(const QStringList &lines);
    // True when line `n` (1-based) is inside the viewport.
    bool isLineShown(qint64 n) const;
};

} // namespace JobDeck::Bench
