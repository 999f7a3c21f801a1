#pragma once

#include <QMetaType>
#include <QString>

namespace JobDeck {

// The languages JobDeck speaks, to its user and to the servers.
enum class Language {
    English,
    Chinese,
};

// "en" or "cn", the words of the CLI's --lang and of the settings file.
QString languageCode(Language language);
// Accepts "en", "cn", "zh", "zh_CN", "zh-CN", "en_US", ...; false for anything else.
bool parseLanguage(QString code, Language *language);
// The language of the system locale: Chinese for any zh locale, English otherwise.
Language systemLanguage();
// The language the user chose last time (settings), else the system's.
Language preferredLanguage();
void savePreferredLanguage(Language language);
// The language's own name for itself, for menus ("English", "中文").
QString languageNativeName(Language language);

} // namespace JobDeck

Q_DECLARE_METATYPE(JobDeck::Language)
