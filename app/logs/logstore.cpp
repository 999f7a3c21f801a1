#include "logs/logstore.h"

#include <QDir>
#include <QIODevice>
#include <QMutex>
#include <QSettings>
#include <QStandardPaths>
#include <QTemporaryFile>

#include <algorithm>
#include <cstring>

namespace JobDeck {

// The file that holds a store's spilled blocks: written on the store's thread, read from
// any (searches), so every access holds the mutex. Removed when the last user lets go.
class LogSpillFile final
{
    Q_DISABLE_COPY_MOVE(LogSpillFile)

public:
    LogSpillFile() = default;

    // Appends `data`; its offset, or -1 with `error`.
    qint64 write(QByteArrayView data, QString *error)
    {
        QMutexLocker lock(&m_mutex);
        if (!m_file.isOpen()) {
            const QString dir
                = QStandardPaths::writableLocation(QStandardPaths::CacheLocation) + QStringLiteral("/logs");
            if (!QDir().mkpath(dir)) {
                *error = QStringLiteral("cannot create %1").arg(dir);
                return -1;
            }
            m_file.setFileTemplate(dir + QStringLiteral("/spill-XXXXXX.log"));
            if (!m_file.open()) {
                *error
                    = QStringLiteral("cannot create a spill file in %1: %2").arg(dir, m_file.errorString());
                return -1;
            }
        }
        const qint64 offset = m_size;
        if (!m_file.seek(offset) || m_file.write(data.data(), data.size()) != data.size()
            || !m_file.flush()) {
            *error = QStringLiteral("cannot write %1: %2").arg(m_file.fileName(), m_file.errorString());
            m_file.resize(offset);
            return -1;
        }
        m_size += data.size();
        return offset;
    }

    QByteArray read(qint64 offset, qsizetype size, QString *error)
    {
        QMutexLocker lock(&m_mutex);
        QByteArray data(size, Qt::Uninitialized);
        if (!m_file.seek(offset) || m_file.read(data.data(), size) != size) {
            if (error)
                *error = QStringLiteral("cannot read %1: %2").arg(m_file.fileName(), m_file.errorString());
            return {};
        }
        return data;
    }

private:
    QMutex m_mutex;
    QTemporaryFile m_file;
    qint64 m_size = 0;
};

LogMemoryBudget::Limits LogMemoryBudget::limitsFromSettings()
{
    QSettings settings;
    Limits limits;
    const qint64 perJob
        = settings.value(QStringLiteral("logs/memoryPerJobMiB"), limits.perJobBytes >> 20).toLongLong();
    const qint64 total
        = settings.value(QStringLiteral("logs/memoryTotalMiB"), limits.totalBytes >> 20).toLongLong();
    limits.perJobBytes = std::max<qint64>(1, perJob) << 20;
    limits.totalBytes = std::max<qint64>(1, total) << 20;
    return limits;
}

LogMemoryBudget::LogMemoryBudget(Limits limits)
    : m_limits(limits)
{}

LogMemoryBudget::LogMemoryBudget()
    : m_limits(Limits{})
{}

LogMemoryBudget::~LogMemoryBudget() = default;

qint64 LogMemoryBudget::residentBytes() const
{
    qint64 sum = 0;
    for (const LogStore *store : m_stores)
        sum += store->residentBytes();
    return sum;
}

void LogMemoryBudget::enforce(LogStore *grown)
{
    while (grown->residentBytes() > m_limits.perJobBytes && grown->spillOldest()) {
    }
    qint64 total = residentBytes();
    while (total > m_limits.totalBytes) {
        // The store holding most in memory gives first.
        LogStore *largest = nullptr;
        for (LogStore *store : m_stores) {
            if (store->sealedResidentBytes() > 0
                && (!largest || store->sealedResidentBytes() > largest->sealedResidentBytes()))
                largest = store;
        }
        const qint64 before = largest ? largest->residentBytes() : 0;
        if (!largest || !largest->spillOldest())
            return;
        total -= before - largest->residentBytes();
    }
}

namespace {

qint64 blockMemory(qsizetype textCapacity, qsizetype lines)
{
    return textCapacity + lines + (lines / LogStore::IndexStride + 1) * qint64(sizeof(quint32));
}

} // namespace

LogStore::LogStore(std::shared_ptr<LogMemoryBudget> budget)
    : m_budget(std::move(budget))
{
    if (m_budget)
        m_budget->m_stores.push_back(this);
}

LogStore::~LogStore()
{
    if (m_budget)
        std::erase(m_budget->m_stores, this);
}

void LogStore::clear()
{
    m_blocks.clear();
    m_readBack.clear();
    m_spill.reset();
    m_lineCount = m_textBytes = m_residentBytes = m_spilledBytes = 0;
    m_firstResident = 0;
    m_spillError.clear();
    m_classifier.reset();
    ++m_generation;
}

void LogStore::append(const QStringList &lines)
{
    for (const QString &line : lines)
        append(QStringView(line));
}

void LogStore::append(QStringView line)
{
    const qsizetype most = line.size() * 3 + 1;
    if (m_blocks.empty() || (m_blocks.back().lines > 0 && m_blocks.back().bytes + most > BlockBytes))
        sealBlock();
    Block &block = m_blocks.back();
    const qsizetype start = block.bytes;
    const qsizetype capacityBefore = block.text.capacity();
    if (block.text.size() < start + most)
        block.text.resize(std::max(start + most, std::min<qsizetype>(BlockBytes, 2 * (start + most))));
    char *data = block.text.data();
    char *end = m_encoder.appendToBuffer(data + start, line);
    // A line holds no line break; one inside (a backend's multi-line message) would split
    // it, so it is shown as the symbol for a newline.
    if (std::memchr(data + start, '\n', end - data - start)) {
        QString clean = line.toString();
        clean.replace(u'\n', QChar(0x2424));
        if (block.text.size() < start + clean.size() * 3 + 1)
            block.text.resize(start + clean.size() * 3 + 1);
        data = block.text.data();
        end = m_encoder.appendToBuffer(data + start, clean);
    }
    *end++ = '\n';
    const qsizetype length = end - data - start;
    if (block.lines % IndexStride == 0)
        block.index.append(quint32(start));
    block.levels.append(char(m_classifier.classify(QByteArrayView(data + start, length - 1))));
    block.bytes += length;
    ++block.lines;
    ++m_lineCount;
    m_textBytes += length;
    m_residentBytes += block.text.capacity() - capacityBefore + 1;
    if (block.lines % IndexStride == 1)
        m_residentBytes += sizeof(quint32);
}

void LogStore::sealBlock()
{
    if (!m_blocks.empty()) {
        Block &last = m_blocks.back();
        // Give back what the growth strategy reserved beyond the text.
        const qsizetype capacity = last.text.capacity();
        last.text.resize(last.bytes);
        last.text.squeeze();
        m_residentBytes -= capacity - last.text.capacity();
        last.levels.squeeze();
        last.index.squeeze();
    }
    Block block;
    block.firstLine = m_lineCount + 1;
    m_blocks.push_back(std::move(block));
    if (m_budget && m_blocks.size() > 1)
        m_budget->enforce(this);
}

qint64 LogStore::bookkeepingBytes() const
{
    qint64 sum = 0;
    for (const Block &block : m_blocks)
        sum += block.levels.capacity() + block.index.capacity() * qint64(sizeof(quint32));
    return sum;
}

qint64 LogStore::sealedResidentBytes() const
{
    if (m_blocks.empty())
        return 0;
    const Block &open = m_blocks.back();
    return m_residentBytes - blockMemory(open.text.capacity(), open.lines);
}

bool LogStore::spillOldest()
{
    // The open block (the last) stays: it is being written.
    while (m_firstResident + 1 < qsizetype(m_blocks.size()) && m_blocks[m_firstResident].text.isNull())
        ++m_firstResident;
    if (m_firstResident + 1 >= qsizetype(m_blocks.size()) || !m_spillError.isEmpty())
        return false;
    Block &block = m_blocks[m_firstResident];
    if (!m_spill)
        m_spill = std::make_shared<LogSpillFile>();
    QString error;
    const qint64 offset = m_spill->write(QByteArrayView(block.text).first(block.bytes), &error);
    if (offset < 0) {
        m_spillError = error; // kept in memory: nothing is lost
        return false;
    }
    block.spillOffset = offset;
    m_residentBytes -= block.text.capacity();
    m_spilledBytes += block.bytes;
    block.text = QByteArray();
    ++m_firstResident;
    return true;
}

qsizetype LogStore::blockOf(qint64 n) const
{
    const auto it = std::upper_bound(m_blocks.begin(), m_blocks.end(), n, [](qint64 value, const Block &b) {
        return value < b.firstLine;
    });
    return (it - m_blocks.begin()) - 1;
}

QByteArrayView LogStore::textOf(qsizetype index) const
{
    const Block &block = m_blocks[index];
    if (!block.text.isNull())
        return QByteArrayView(block.text).first(block.bytes);
    for (const auto &[which, text] : m_readBack) {
        if (which == index)
            return text;
    }
    QByteArray text = m_spill ? m_spill->read(block.spillOffset, block.bytes, nullptr) : QByteArray();
    if (m_readBack.size() >= 2)
        m_readBack.erase(m_readBack.begin());
    m_readBack.emplace_back(index, std::move(text));
    return m_readBack.back().second;
}

QByteArrayView LogStore::lineOfBlock(QByteArrayView text, const QList<quint32> &index, int k)
{
    const qsizetype slot = k / IndexStride;
    if (text.isEmpty() || slot >= index.size())
        return {};
    qsizetype start = index[slot];
    for (int skip = k % IndexStride; skip > 0; --skip) {
        const void *nl = std::memchr(text.data() + start, '\n', text.size() - start);
        if (!nl)
            return {};
        start = static_cast<const char *>(nl) - text.data() + 1;
    }
    const void *nl = std::memchr(text.data() + start, '\n', text.size() - start);
    const qsizetype end = nl ? static_cast<const char *>(nl) - text.data() : text.size();
    return text.sliced(start, end - start);
}

QByteArray LogStore::lineUtf8(qint64 n) const
{
    if (n < 1 || n > m_lineCount)
        return {};
    const qsizetype b = blockOf(n);
    return lineOfBlock(textOf(b), m_blocks[b].index, int(n - m_blocks[b].firstLine)).toByteArray();
}

QString LogStore::line(qint64 n) const
{
    if (n < 1 || n > m_lineCount)
        return {};
    const qsizetype b = blockOf(n);
    return QString::fromUtf8(lineOfBlock(textOf(b), m_blocks[b].index, int(n - m_blocks[b].firstLine)));
}

LineLevel LogStore::level(qint64 n) const
{
    if (n < 1 || n > m_lineCount)
        return LineLevel::None;
    const Block &block = m_blocks[blockOf(n)];
    return LineLevel(block.levels[n - block.firstLine]);
}

qint64 LogStore::findLevel(qint64 from, LineLevel minimum, bool forward) const
{
    if (m_lineCount == 0)
        return 0;
    from = std::clamp<qint64>(from, 1, m_lineCount);
    for (qsizetype b = blockOf(from); b >= 0 && b < qsizetype(m_blocks.size()); b += forward ? 1 : -1) {
        const Block &block = m_blocks[b];
        const char *levels = block.levels.constData();
        int k = from >= block.firstLine && from < block.firstLine + block.lines
                    ? int(from - block.firstLine)
                    : (forward ? 0 : block.lines - 1);
        for (; k >= 0 && k < block.lines; k += forward ? 1 : -1) {
            if (quint8(levels[k]) >= quint8(minimum))
                return block.firstLine + k;
        }
        from = forward ? block.firstLine + block.lines : block.firstLine - 1;
    }
    return 0;
}

bool LogStore::writeTo(QIODevice *device, QString *error) const
{
    for (qsizetype b = 0; b < qsizetype(m_blocks.size()); ++b) {
        const Block &block = m_blocks[b];
        QByteArray read;
        QByteArrayView text;
        if (!block.text.isNull()) {
            text = QByteArrayView(block.text).first(block.bytes);
        } else {
            QString why;
            read = m_spill ? m_spill->read(block.spillOffset, block.bytes, &why) : QByteArray();
            if (read.size() != block.bytes) {
                if (error)
                    *error = why;
                return false;
            }
            text = read;
        }
        if (device->write(text.data(), text.size()) != text.size()) {
            if (error)
                *error = device->errorString();
            return false;
        }
    }
    return true;
}

LogStore::Snapshot LogStore::snapshot() const
{
    Snapshot snapshot;
    snapshot.spill = m_spill;
    snapshot.lineCount = m_lineCount;
    snapshot.blocks.reserve(m_blocks.size());
    for (const Block &block : m_blocks) {
        if (block.lines == 0)
            continue;
        BlockRef ref;
        ref.firstLine = block.firstLine;
        ref.lines = block.lines;
        ref.bytes = block.bytes;
        // A full block's text is shared, not copied; the open one's part is copied.
        if (!block.text.isNull())
            ref.text = block.text.size() == block.bytes ? block.text : block.text.first(block.bytes);
        ref.levels = block.levels;
        ref.index = block.index;
        ref.spillOffset = block.spillOffset;
        snapshot.blocks.push_back(std::move(ref));
    }
    return snapshot;
}

QByteArray LogStore::Snapshot::textOf(std::size_t i, QString *error) const
{
    const BlockRef &block = blocks[i];
    if (!block.text.isNull())
        return block.text;
    if (!spill) {
        if (error)
            *error = QStringLiteral("the spill file is gone");
        return {};
    }
    return spill->read(block.spillOffset, block.bytes, error);
}

} // namespace JobDeck
