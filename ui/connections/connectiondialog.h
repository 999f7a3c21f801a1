#pragma once

#include "backends/connectionprofile.h"
#include "i18n/language.h"

#include <QDialog>

#include <memory>
#include <optional>

class QComboBox;
class QFormLayout;
class QLabel;
class QLineEdit;
class QListWidget;
class QPushButton;
class QSpinBox;

namespace JobDeck {

class Backend;
class ProfileStore;

// The "Connections" dialog: the saved profiles on the left, the selected one's form on the
// right. Only the fields of the chosen kind are shown. The password or token goes to the
// system keychain on Save and is never shown again: a blank field keeps the stored one.
// "Test connection" connects with what the form says and tells the outcome below the form.
class ConnectionDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ConnectionDialog)

public:
    enum class Status { None, Info, Busy, Success, Error };

    explicit ConnectionDialog(ProfileStore *store, QWidget *parent = nullptr);
    ~ConnectionDialog() override;

    // The language of the messages of "Test connection"'s backend.
    void setLanguage(Language language) { m_language = language; }
    // Shows a saved profile (or a new one when `name` is empty or unknown).
    void selectProfile(const QString &name);
    QString editedProfile() const { return m_editing; }
    Status status() const { return m_statusKind; }
    QString statusText() const;

Q_SIGNALS:
    // A profile was saved (also after a rename) and its secret stored when one was typed.
    void profileSaved(const QString &name);

protected:
    void changeEvent(QEvent *event) override;

private:
    void buildUi();
    void retranslateUi();
    void reloadList(const QString &select);
    void showProfile(const std::optional<ConnectionProfile> &profile);
    void addProfile();
    void duplicateProfile();
    void renameProfile();
    void removeProfile();
    void saveProfile();
    void testConnection();
    void runTest(const ConnectionProfile &profile);
    void storeSecret(const QString &name, const QString &secret, const QString &savedMessage);
    void updateKindFields();
    void updateSecretPlaceholder();
    void updateButtons();
    std::optional<ConnectionProfile> profileFromForm(QString *problem, QWidget **field) const;
    QString uniqueName(const QString &base) const;
    QString currentKind() const;
    void setStatus(Status kind, const QString &text);

    ProfileStore *m_store;
    Language m_language = Language::English;
    QString m_editing;      // the saved profile in the form; empty for a new one
    QString m_secretSource; // a duplicate's original, whose secret Save copies when none is typed
    bool m_hasSecret = false;
    std::unique_ptr<Backend> m_testBackend;
    Status m_statusKind = Status::None;

    QListWidget *m_list = nullptr;
    QLabel *m_listLabel = nullptr;
    QPushButton *m_add = nullptr;
    QPushButton *m_duplicate = nullptr;
    QPushButton *m_rename = nullptr;
    QPushButton *m_remove = nullptr;
    QFormLayout *m_form = nullptr;
    QLineEdit *m_name = nullptr;
    QComboBox *m_kind = nullptr;
    QLineEdit *m_url = nullptr;
    QLineEdit *m_user = nullptr;
    QComboBox *m_auth = nullptr;
    QLineEdit *m_secret = nullptr;
    QLineEdit *m_proxyUser = nullptr;
    QLineEdit *m_creator = nullptr;
    QLineEdit *m_project = nullptr;
    QComboBox *m_kylinVersion = nullptr;
    QLineEdit *m_tenant = nullptr;
    QComboBox *m_dinkyVersion = nullptr;
    QComboBox *m_dbVendor = nullptr;
    QComboBox *m_timeZone = nullptr;
    QSpinBox *m_timeout = nullptr;
    QLabel *m_status = nullptr;
    QPushButton *m_test = nullptr;
    QPushButton *m_save = nullptr;
    QPushButton *m_close = nullptr;
};

} // namespace JobDeck
