// The catalogues are complete: every string the sources pass to tr() is in
// translations/jobdeck_zh_CN.ts with a finished Chinese translation, and every plural one in
// jobdeck_en.ts with its English forms. The strings come from lupdate run over the same
// targets as update_translations (the tst_translations_scan fixture), into a fresh file.
#include <QFile>
#include <QMap>
#include <QSet>
#include <QTest>
#include <QXmlStreamReader>

namespace {

struct Key
{
    QString context;
    QString source;
    QString comment; // the disambiguation of tr(source, comment)

    friend bool operator<(const Key &a, const Key &b)
    {
        return std::tie(a.context, a.source, a.comment) < std::tie(b.context, b.source, b.comment);
    }
};

struct Message
{
    bool numerus = false;
    bool finished = false; // translated, and not marked unfinished
};

struct Catalogue
{
    QMap<Key, Message> messages;
    QString error;
};

// Reads a Qt Linguist .ts file; messages lupdate marked vanished or obsolete are left out
// (they are no longer in the sources).
Catalogue readCatalogue(const QString &path)
{
    Catalogue catalogue;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        catalogue.error = QStringLiteral("cannot read %1: %2").arg(path, file.errorString());
        return catalogue;
    }
    QXmlStreamReader xml(&file);
    QString context;
    while (!xml.atEnd()) {
        xml.readNext();
        if (!xml.isStartElement())
            continue;
        if (xml.name() == u"name") {
            context = xml.readElementText();
        } else if (xml.name() == u"message") {
            Key key{context, {}, {}};
            Message message;
            message.numerus = xml.attributes().value(u"numerus") == u"yes";
            bool gone = false;
            bool empty = true;
            bool unfinished = false;
            while (!(xml.isEndElement() && xml.name() == u"message") && !xml.atEnd()) {
                xml.readNext();
                if (!xml.isStartElement())
                    continue;
                if (xml.name() == u"source") {
                    key.source = xml.readElementText();
                } else if (xml.name() == u"comment") {
                    key.comment = xml.readElementText();
                } else if (xml.name() == u"translation") {
                    const QStringView type = xml.attributes().value(u"type");
                    gone = type == u"vanished" || type == u"obsolete";
                    unfinished = type == u"unfinished";
                    if (message.numerus) {
                        // Finished when every plural form is there.
                        int forms = 0;
                        int filled = 0;
                        while (!(xml.isEndElement() && xml.name() == u"translation") && !xml.atEnd()) {
                            xml.readNext();
                            if (xml.isStartElement() && xml.name() == u"numerusform") {
                                ++forms;
                                filled += xml.readElementText().isEmpty() ? 0 : 1;
                            }
                        }
                        empty = forms == 0 || filled < forms;
                    } else {
                        empty = xml.readElementText(QXmlStreamReader::IncludeChildElements).isEmpty();
                    }
                }
            }
            message.finished = !empty && !unfinished;
            if (!gone)
                catalogue.messages.insert(key, message);
        }
    }
    if (xml.hasError())
        catalogue.error = QStringLiteral("%1 is not a .ts file: %2 (line %3)")
                              .arg(path, xml.errorString())
                              .arg(xml.lineNumber());
    return catalogue;
}

QString describe(const QList<Key> &keys)
{
    QString text;
    for (const Key &key : keys) {
        text += QStringLiteral("\n    %1: \"%2\"").arg(key.context, key.source);
        if (!key.comment.isEmpty())
            text += QStringLiteral(" (%1)").arg(key.comment);
    }
    return text;
}

const QString Refresh
    = QStringLiteral("refresh the catalogues with `cmake --build --preset dev --target update_translations`, "
                     "then translate every new type=\"unfinished\" entry of translations/jobdeck_zh_CN.ts");

} // namespace

class TestTranslations final : public QObject
{
    Q_OBJECT

private:
    Catalogue m_scanned;
    Catalogue m_chinese;
    Catalogue m_english;

private Q_SLOTS:
    void initTestCase()
    {
        m_scanned = readCatalogue(QStringLiteral(JOBDECK_SCANNED_TS));
        QVERIFY2(m_scanned.error.isEmpty(), qPrintable(m_scanned.error));
        // The scan found the sources' strings (an empty scan would find nothing missing).
        QVERIFY2(m_scanned.messages.size() > 100,
                 qPrintable(QStringLiteral("lupdate found only %1 strings in the sources")
                                .arg(m_scanned.messages.size())));
        m_chinese = readCatalogue(QStringLiteral(JOBDECK_TS_DIR "/jobdeck_zh_CN.ts"));
        QVERIFY2(m_chinese.error.isEmpty(), qPrintable(m_chinese.error));
        m_english = readCatalogue(QStringLiteral(JOBDECK_TS_DIR "/jobdeck_en.ts"));
        QVERIFY2(m_english.error.isEmpty(), qPrintable(m_english.error));
    }

    void everySourceStringIsInTheChineseCatalogue()
    {
        QList<Key> missing;
        for (auto it = m_scanned.messages.cbegin(); it != m_scanned.messages.cend(); ++it) {
            if (!m_chinese.messages.contains(it.key()))
                missing.append(it.key());
        }
        QVERIFY2(
            missing.isEmpty(),
            qPrintable(QStringLiteral("%1 source strings are missing from translations/jobdeck_zh_CN.ts; "
                                      "%2:%3")
                           .arg(missing.size())
                           .arg(Refresh, describe(missing))));
    }

    void everyChineseTranslationIsFinished()
    {
        QList<Key> unfinished;
        for (auto it = m_chinese.messages.cbegin(); it != m_chinese.messages.cend(); ++it) {
            if (!it->finished && m_scanned.messages.contains(it.key()))
                unfinished.append(it.key());
        }
        QVERIFY2(unfinished.isEmpty(),
                 qPrintable(QStringLiteral("%1 strings of translations/jobdeck_zh_CN.ts have no finished "
                                           "translation (type=\"unfinished\" or empty); translate them:%2")
                                .arg(unfinished.size())
                                .arg(describe(unfinished))));
    }

    void everyPluralIsInTheEnglishCatalogue()
    {
        // English needs only the plural forms ("%n jobs": 1 job, 2 jobs).
        QList<Key> missing;
        for (auto it = m_scanned.messages.cbegin(); it != m_scanned.messages.cend(); ++it) {
            if (!it->numerus)
                continue;
            const auto english = m_english.messages.constFind(it.key());
            if (english == m_english.messages.cend() || !english->finished)
                missing.append(it.key());
        }
        QVERIFY2(missing.isEmpty(),
                 qPrintable(QStringLiteral("%1 plural strings lack their English forms in "
                                           "translations/jobdeck_en.ts; refresh the catalogues with `cmake "
                                           "--build --preset dev --target update_translations`, then fill "
                                           "in the numerusforms of each:%2")
                                .arg(missing.size())
                                .arg(describe(missing))));
    }
};

QTEST_GUILESS_MAIN(TestTranslations)
#include "tst_translations.moc"
