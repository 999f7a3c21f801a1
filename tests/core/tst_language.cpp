#include "backends/dinky/dinkyprotocol.h"
#include "backends/kylin/kylinprotocol.h"
#include "backends/linkis/linkisprotocol.h"
#include "backends/sqlflow/sqlflowprotocol.h"
#include "i18n/language.h"
#include "i18n/translations.h"
#include "net/httpclient.h"

#include <QCoreApplication>
#include <QFile>
#include <QSignalSpy>
#include <QTest>

#include <algorithm>

using namespace JobDeck;

class TestLanguage final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void parse_data()
    {
        QTest::addColumn<QString>("code");
        QTest::addColumn<bool>("valid");
        QTest::addColumn<Language>("expected");
        QTest::newRow("cn") << QStringLiteral("cn") << true << Language::Chinese;
        QTest::newRow("zh") << QStringLiteral("zh") << true << Language::Chinese;
        QTest::newRow("zh_CN") << QStringLiteral("zh_CN") << true << Language::Chinese;
        QTest::newRow("zh-CN upper") << QStringLiteral("ZH-CN") << true << Language::Chinese;
        QTest::newRow("en") << QStringLiteral("en") << true << Language::English;
        QTest::newRow("en-US spaced") << QStringLiteral(" en-US ") << true << Language::English;
        QTest::newRow("fr") << QStringLiteral("fr") << false << Language::English;
        QTest::newRow("empty") << QString() << false << Language::English;
        QTest::newRow("chinese word") << QStringLiteral("chinese") << false << Language::English;
    }

    void parse()
    {
        QFETCH(QString, code);
        QFETCH(bool, valid);
        QFETCH(Language, expected);
        Language language = valid ? (expected == Language::English ? Language::Chinese : Language::English)
                                  : Language::Chinese;
        QCOMPARE(parseLanguage(code, &language), valid);
        if (valid)
            QCOMPARE(language, expected);
        else
            QCOMPARE(language, Language::Chinese); // untouched on failure
    }

    void codesRoundTrip()
    {
        for (Language language : {Language::English, Language::Chinese}) {
            Language parsed = language == Language::English ? Language::Chinese : Language::English;
            QVERIFY(parseLanguage(languageCode(language), &parsed));
            QCOMPARE(parsed, language);
        }
    }

    void preferredLanguageIsSaved()
    {
        savePreferredLanguage(Language::Chinese);
        QCOMPARE(preferredLanguage(), Language::Chinese);
        savePreferredLanguage(Language::English);
        QCOMPARE(preferredLanguage(), Language::English);
    }

    void cataloguesAreBuiltIn()
    {
        QVERIFY(QFile::exists(QStringLiteral(":/i18n/jobdeck_zh_CN.qm")));
        QVERIFY(QFile::exists(QStringLiteral(":/i18n/jobdeck_en.qm")));
        QVERIFY(QFile::exists(QStringLiteral(":/i18n/qtbase_zh_CN.qm")));
    }

    void switchesCatalogueAtRunTime()
    {
        // A string from the shipped catalogue: it must come out in Chinese and go back to English.
        const auto about = [] {
            return QCoreApplication::translate("JobDeck::MainWindow", "&About JobDeck");
        };
        Translations translations;
        QSignalSpy changed(&translations, &Translations::languageChanged);
        QCOMPARE(about(), QStringLiteral("&About JobDeck"));

        QVERIFY(translations.setLanguage(Language::Chinese));
        QCOMPARE(translations.language(), Language::Chinese);
        QCOMPARE(changed.count(), 1);
        QVERIFY2(about() != QStringLiteral("&About JobDeck"), qPrintable(about()));
        QVERIFY(about().contains(u"JobDeck"));
        // Qt's own strings are translated too (qtbase_zh_CN).
        QVERIFY(QCoreApplication::translate("QPlatformTheme", "Cancel") != QStringLiteral("Cancel"));

        QVERIFY(translations.setLanguage(Language::Chinese));
        QCOMPARE(changed.count(), 1); // no signal when nothing changes

        QVERIFY(translations.setLanguage(Language::English));
        QCOMPARE(changed.count(), 2);
        QCOMPARE(about(), QStringLiteral("&About JobDeck"));
        // English has its plural forms: "%n job(s)" reads "1 job" and "3 jobs".
        const auto hidden = [](int n) {
            return QCoreApplication::translate(
                "JobDeck::JobListPanel", "%n job(s) hidden by the filter.", nullptr, n);
        };
        QCOMPARE(hidden(1), QStringLiteral("1 job hidden by the filter."));
        QCOMPARE(hidden(3), QStringLiteral("3 jobs hidden by the filter."));
    }

    void protocolErrorsSpeakChinese()
    {
        // The decoders' messages come from the catalogue too: an HTML page where JSON belongs,
        // decoded with Chinese on, must not come out in English (each decoder's context has
        // to be the one lupdate filed its strings under).
        HttpResponse html;
        html.url = QUrl(QStringLiteral("http://127.0.0.1:1/x"));
        html.status = 200;
        html.contentType = "text/html";
        html.body = "<html><head><title>Login</title></head><body>login</body></html>";
        const auto messages = [&html] {
            return QStringList{Linkis::decodeEnvelope(html).error().message,
                               Kylin::decodeBody(html, true).error().message,
                               Dinky::decodeEnvelope(html).error().message,
                               Sqlflow::decodeAnswer(html).error().message};
        };
        const QStringList english = messages();
        Translations translations;
        QVERIFY(translations.setLanguage(Language::Chinese));
        const QStringList chinese = messages();
        QVERIFY(translations.setLanguage(Language::English));
        for (qsizetype i = 0; i < english.size(); ++i) {
            QVERIFY2(chinese.at(i) != english.at(i), qPrintable(english.at(i)));
            QVERIFY2(std::any_of(chinese.at(i).cbegin(),
                                 chinese.at(i).cend(),
                                 [](QChar c) { return c.unicode() >= 0x4e00 && c.unicode() <= 0x9fff; }),
                     qPrintable(chinese.at(i)));
        }
    }
};

QTEST_GUILESS_MAIN(TestLanguage)
#include "tst_language.moc"
