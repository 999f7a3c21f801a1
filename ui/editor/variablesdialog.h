#pragma once

#include <QDialog>
#include <QMap>
#include <QStringList>

class QFormLayout;
class QLabel;
class QLineEdit;

namespace JobDeck {

// The ${name} variables of what is about to run, with the values given last time for this
// script: the user checks or changes them, and the job is sent with them.
class VariablesDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(VariablesDialog)

public:
    VariablesDialog(const QStringList &names,
                    const QMap<QString, QString> &remembered,
                    QWidget *parent = nullptr);

    QMap<QString, QString> values() const;
    // The field of one variable (objectName "variable:NAME").
    QLineEdit *field(const QString &name) const;

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslateUi();

    QStringList m_names;
    QList<QLineEdit *> m_fields;
    QLabel *m_intro;
};

} // namespace JobDeck
