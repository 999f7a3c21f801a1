#pragma once

#include "backends/connectionprofile.h"

#include <QDialog>

class QCheckBox;
class QLabel;
class QLineEdit;

namespace JobDeck {

// Asks for a profile's password or token when the keychain has none: a small dialog with
// a "remember in the system keychain" choice.
class PasswordDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PasswordDialog)

public:
    // `keychainProblem`: why the keychain cannot be used, shown instead of the remember choice.
    explicit PasswordDialog(const ConnectionProfile &profile,
                            const QString &keychainProblem = {},
                            QWidget *parent = nullptr);

    QString secret() const;
    bool remember() const;

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslateUi();

    ConnectionProfile m_profile;
    QString m_keychainProblem;
    QLabel *m_prompt;
    QLabel *m_secretLabel;
    QLineEdit *m_secret;
    QCheckBox *m_remember;
    QLabel *m_problem;
};

} // namespace JobDeck
