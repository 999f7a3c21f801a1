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
    for (const auto &translator : {std::move(m_jobdeck), std::move(m_qt)}) {
        if (translator)
            QCoreApplication::removeTranslator(translator.get());
    }
    m_jobdeck.reset();
    m_qt.reset();
}

bool Translations::setLanguage(Language language)
{
    if (m_applied && language == m_language)
        return true;
    const Language requested = language;
    removeTranslators();
    // The catalogues are resources built into the core library. English needs only the plural
    // forms of the source strings ("%n row(s)" as "1 row", "2 rows"); Chinese needs all of
    // JobDeck's strings and Qt's own.
    const auto load = [](const QString &path) {
        auto translator = std::make_unique<QTranslator>();
        return translator->load(path) ? std::move(translator) : nullptr;
    };
    if (language == Language::Chinese) {
        m_jobdeck = load(QStringLiteral(":/i18n/jobdeck_zh_CN.qm"));
        m_qt = load(QStringLiteral(":/i18n/qtbase_zh_CN.qm"));
        if (!m_jobdeck || !m_qt) {
            m_jobdeck.reset();
            m_qt.reset();
            language = Language::English;
        }
    }
    if (language == Language::English)
        m_jobdeck = load(QStringLiteral(":/i18n/jobdeck_en.qm"));
    if (m_qt)
        QCoreApplication::installTranslator(m_qt.get());
    if (m_jobdeck)
        QCoreApplication::installTranslator(m_jobdeck.get());
    m_applied = true;

    const bool changed = language != m_language;
    m_language = language;
    QLocale::setDefault(language == Language::Chinese ? QLocale(QLocale::Chinese, QLocale::China)
                                                      : QLocale(QLocale::English, QLocale::UnitedStates));
    if (changed)
        Q_EMIT languageChanged(language);
    return m_language == requested;
}

} // namespace JobDeck
