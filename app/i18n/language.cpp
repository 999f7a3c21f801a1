#include "i18n/language.h"

#include <QLocale>
#include <QSettings>

namespace JobDeck {

QString languageCode(Language language)
{
    return language == Language::Chinese ? QStringLiteral("cn") : QStringLiteral("en");
}

bool parseLanguage(QString code, Language *language)
{
    code = code.trimmed().toLower().replace(u'-', u'_');
    if (code == u"cn" || code == u"zh" || code.startsWith(u"zh_")) {
        *language = Language::Chinese;
        return true;
    }
    if (code == u"en" || code.startsWith(u"en_")) {
        *language = Language::English;
        return true;
    }
    return false;
}

Language systemLanguage()
{
    return QLocale::system().language() == QLocale::Chinese ? Language::Chinese : Language::English;
}

namespace {
constexpr auto LanguageKey = "ui/language";
}

Language preferredLanguage()
{
    Language language = systemLanguage();
    if (!parseLanguage(QSettings().value(LanguageKey).toString(), &language))
        language = systemLanguage();
    return language;
}

void savePreferredLanguage(Language language)
{
    QSettings().setValue(LanguageKey, languageCode(language));
}

QString languageNativeName(Language language)
{
    return language == Language::Chinese ? QStringLiteral("中文") : QStringLiteral("English");
}

} // namespace JobDeck
