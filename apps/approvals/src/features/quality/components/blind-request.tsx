import { allQuestions } from '@hms/contracts/question-answers';
import { accountTypeLabels, riskLevelLabels, riskSignalLabels } from '@hms/contracts/labels';
import { explainRiskSignal } from '@hms/contracts/risk-explanation';
import { answerText, formatCents, formatDateTime, useLabel, useLanguage, useT } from '@hms/ui';
import type { BlindRequest } from '../api/quality-api.ts';
import { qualityMessages } from '../messages.ts';

/** The request as its decider saw it: who asked, for how much, their answers, account, documents and risk. */
export function BlindRequestView({ sample }: { sample: BlindRequest }) {
  const tr = useT(qualityMessages);
  const { language } = useLanguage();
  const label = useLabel();
  const questions = allQuestions(sample.questionSet).filter((q) => q.id in sample.answers);
  const documentName = (id: string) => sample.documents.find((d) => d.id === id)?.fileName;
  const b = sample.bankAccount;
  return (
    <>
      <dl className="margin-bottom-3">
        <dt className="text-bold">{tr('program')}</dt>
        <dd className="margin-left-0">{sample.program.name[language]}</dd>
        <dt className="text-bold">{tr('applicant')}</dt>
        <dd className="margin-left-0">{sample.applicantName}</dd>
        <dt className="text-bold">{tr('amountRequested')}</dt>
        <dd className="margin-left-0" data-amount-requested>
          {formatCents(sample.amountRequestedCents, language)}
        </dd>
        {sample.submittedAt ? (
          <>
            <dt className="text-bold">{tr('submittedAt')}</dt>
            <dd className="margin-left-0">{formatDateTime(sample.submittedAt, language)}</dd>
          </>
        ) : null}
      </dl>
      <section aria-labelledby="blind-answers-h">
        <h2 id="blind-answers-h">{tr('answers')}</h2>
        <dl>
          {questions.map((q) => (
            <div key={q.id} className="margin-bottom-1">
              <dt className="text-bold">{q.label[language]}</dt>
              <dd className="margin-left-0">
                {answerText(q, sample.answers[q.id], language, { documentName, yes: tr('yes') }) ??
                  tr('none')}
              </dd>
            </div>
          ))}
        </dl>
      </section>
      <section aria-labelledby="blind-bank-h">
        <h2 id="blind-bank-h">{tr('bank')}</h2>
        <p>
          {b
            ? tr('accountEnding', {
                holder: b.holderName,
                type: label(accountTypeLabels[b.accountType]).toLowerCase(),
                last4: b.last4,
              })
            : tr('noBank')}
        </p>
      </section>
      <section aria-labelledby="blind-docs-h">
        <h2 id="blind-docs-h">{tr('documents')}</h2>
        {sample.documents.length === 0 ? (
          <p>{tr('noDocuments')}</p>
        ) : (
          <ul>
            {sample.documents.map((d) => (
              <li key={d.id}>
                <a className="usa-link" href={d.url} target="_blank" rel="noreferrer">
                  {d.fileName}
                </a>{' '}
                <span className="text-base">({d.contentType})</span>
              </li>
            ))}
          </ul>
        )}
      </section>
      <section aria-labelledby="blind-risk-h">
        <h2 id="blind-risk-h">{tr('risk')}</h2>
        <p>{tr('riskLevel', { level: label(riskLevelLabels[sample.riskLevel]) })}</p>
        {sample.riskSignals.length === 0 ? (
          <p>{tr('noRisk')}</p>
        ) : (
          <ul className="usa-list">
            {sample.riskSignals.map((s) => (
              <li key={s.kind}>
                <span className="text-bold">{label(riskSignalLabels[s.kind])}.</span>{' '}
                {explainRiskSignal(s, language)}
              </li>
            ))}
          </ul>
        )}
      </section>
    </>
  );
}
