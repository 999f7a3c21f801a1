#pragma once

#include "i18n/language.h"

#include <QObject>
#include <QTranslator>

#include <memory>

namespace JobDeck {

// Installs JobDeck's and Qt's translators on the running application and swaps them
// when the user picks another language; Qt then sends QEvent::LanguageChange to every
// widget, which retranslates itself.
class Translations final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(Translations)

public:
    explicit Translations(QObject *parent = nullptr);
    ~Translations() override;

    Language language() const { return m_language; }
    // Returns false (and keeps the previous language) when a catalogue cannot be loaded.
    bool setLanguage(Language language);

Q_SIGNALS:
    void languageChanged(JobDeck::Language language);

private:
    void removeTranslators();

    Language m_language = Language::English;
    std::unique_ptr<QTranslator> m_jobdeck;
    std::unique_ptr<QTranslator> m_qt;
    bool m_applied = false;
};

} // namespace JobDeck
