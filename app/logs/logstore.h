#pragma once

#include "logs/loglevel.h"

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringEncoder>
#include <QStringList>

#include <memory>
#include <vector>

class QIODevice;

namespace JobDeck {

class LogStore;
class LogSpillFile;

// The memory bound shared by the log stores of one process: beyond `perJobBytes` for one
// store or `totalBytes` for all of them, the oldest full blocks of text are spilled to a
// file in the cache folder and read back when needed. Used on one thread (the stores').
class LogMemoryBudget final
{
    Q_DISABLE_COPY_MOVE(LogMemoryBudget)

public:
    struct Limits
    {
        qint64 perJobBytes = 64ll << 20;
        qint64 totalBytes = 256ll << 20;
    };
    // Settings `logs/memoryPerJobMiB` and `logs/memoryTotalMiB` (at least 1 MiB each).
    static Limits limitsFromSettings();

    LogMemoryBudget();
    explicit LogMemoryBudget(Limits limits);
    ~LogMemoryBudget();

    Limits limits() const { return m_limits; }
    qint64 residentBytes() const;

private:
    friend class LogStore;
    void enforce(LogStore *grown);

    Limits m_limits;
    std::vector<LogStore *> m_stores;
};

// One job's log: append-only lines numbered from 1 (the CLI's `n`), held as UTF-8 in large
// blocks, each line ending in '\n', with the offset of every IndexStride-th line and one
// level byte per line (about 1.3 bytes of bookkeeping per line). A full block whose store
// is over its budget goes to a spill file and is read back on demand; index and levels stay
// in memory, so level filters never read the disk. Appends and reads on one thread; a
// snapshot() may be searched on any thread while appends go on.
class LogStore final
{
    Q_DISABLE_COPY_MOVE(LogStore)

public:
    static constexpr qsizetype BlockBytes = 1 << 20;
    static constexpr int IndexStride = 16;

    // Without a budget the store never spills.
    explicit LogStore(std::shared_ptr<LogMemoryBudget> budget = {});
    ~LogStore();

    void append(QStringView line);
    void append(const QStringList &lines);
    void clear();

    qint64 lineCount() const { return m_lineCount; }
    // Changes with every clear(), so a reader can tell a new log from more of the same.
    quint64 generation() const { return m_generation; }
    // `n` counts from 1; out of range gives an empty line and LineLevel::None.
    QString line(qint64 n) const;
    QByteArray lineUtf8(qint64 n) const;
    LineLevel level(qint64 n) const;
    // The first line at or after `from` (or at or before, going back) of at least `minimum`;
    // 0 when there is none.
    qint64 findLevel(qint64 from, LineLevel minimum, bool forward) const;

    qint64 textBytes() const { return m_textBytes; }
    qint64 residentBytes() const { return m_residentBytes; }
    // The index and the levels: what the store keeps beside the text.
    qint64 bookkeepingBytes() const;
    qint64 spilledBytes() const { return m_spilledBytes; }
    // Why a block could not be spilled (it stays in memory); empty when all went well.
    QString spillError() const { return m_spillError; }

    // Writes every line, '\n' after each, as it is stored; reads spilled blocks one at a time.
    bool writeTo(QIODevice *device, QString *error = nullptr) const;

    // What a search needs of one block; `text` is null when the block is spilled.
    struct BlockRef
    {
        qint64 firstLine = 1;
        int lines = 0;
        qsizetype bytes = 0;
        QByteArray text;
        QByteArray levels;
        QList<quint32> index;
        qint64 spillOffset = -1;
    };
    struct Snapshot
    {
        std::vector<BlockRef> blocks;
        std::shared_ptr<LogSpillFile> spill;
        qint64 lineCount = 0;
        // The text of block `i`, read back from the spill file when it was spilled;
        // empty when that read failed (with `error`).
        QByteArray textOf(std::size_t i, QString *error = nullptr) const;
    };
    Snapshot snapshot() const;

    // Line `k` (0-based) of a block's text, without its '\n'.
    static QByteArrayView lineOfBlock(QByteArrayView text, const QList<quint32> &index, int k);

private:
    friend class LogMemoryBudget;
    struct Block
    {
        qint64 firstLine = 1;
        int lines = 0;
        QByteArray text;
        qsizetype bytes = 0;
        QByteArray levels;
        QList<quint32> index;
        qint64 spillOffset = -1;
    };

    void sealBlock();
    bool spillOldest();
    qsizetype blockOf(qint64 n) const;
    QByteArrayView textOf(qsizetype block) const;
    qint64 sealedResidentBytes() const;

    std::shared_ptr<LogMemoryBudget> m_budget;
    std::shared_ptr<LogSpillFile> m_spill;
    std::vector<Block> m_blocks; // the last one takes the appends
    qint64 m_lineCount = 0;
    quint64 m_generation = 0;
    qint64 m_textBytes = 0;
    qint64 m_residentBytes = 0;
    qint64 m_spilledBytes = 0;
    qsizetype m_firstResident = 0; // blocks before it are all spilled
    QString m_spillError;
    LevelClassifier m_classifier;
    QStringEncoder m_encoder{QStringEncoder::Utf8, QStringConverter::Flag::Stateless};
    // Spilled blocks read back for reading lines: the two used last.
    mutable std::vector<std::pair<qsizetype, QByteArray>> m_readBack;
};

} // namespace JobDeck
