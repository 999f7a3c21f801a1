#include "i18n/translations.h"

#include <QCoreApplication>
#include <QLocale>

namespace JobDeck {

Translations::Translations(QObject *parent)
    : QObject(parent)
{}

Translations::~Translations()
{
    removeTranslators();
}

void Translations::removeTranslators()
{
    if (!m_installed)
        return;
    QCoreApplication::removeTranslator(&m_jobdeck);
    QCoreApplication::removeTranslator(&m_qt);
    m_installed = false;
}

bool Translations::setLanguage(Language language)
{
    if (language == m_language && m_installed == (language != Language::English))
        return true;

    const Language requested = language;
    removeTranslators();
    if (language != Language::English) {
        // The catalogues are resources built into the core library (translations/ and Qt's
        // own); English needs none, since the source strings are English.
        if (!m_jobdeck.load(QStringLiteral(":/i18n/jobdeck_zh_CN.qm"))
            || !m_qt.load(QStringLiteral(":/i18n/qtbase_zh_CN.qm"))) {
            language = Language::English;
        } else {
            QCoreApplication::installTranslator(&m_qt);
            QCoreApplication::installTranslator(&m_jobdeck);
            m_installed = true;
        }
    }
    const bool changed = language != m_language;
    m_language = language;
    QLocale::setDefault(language == Language::Chinese ? QLocale(QLocale::Chinese, QLocale::China)
                                                      : QLocale(QLocale::English, QLocale::UnitedStates));
    if (changed)
        Q_EMIT languageChanged(language);
    return m_language == requested;
}

} // namespace JobDeck
