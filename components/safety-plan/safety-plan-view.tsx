// A safety plan as people read and print it: drawn on the server, plain HTML
// with nothing to fetch, so once the page is open it stays readable with the
// network gone. Numbers are `tel:` links, one tap to call on a phone.
import { SAFETY_PLAN_SECTIONS, isContactSection, telHref, type TSafetyPlanContent } from "@/lib/constants/safety-plan";

/** `crisisText`: the practice's crisis resources under step 5 (the export, a record, leaves them out). */
export function SafetyPlanView({ content, crisisText }: { content: TSafetyPlanContent; crisisText?: string }) {
  return (
    <ol aria-label="Safety plan" className="flex flex-col gap-4 print:gap-2">
      {SAFETY_PLAN_SECTIONS.map((section, index) => {
        const isEmpty = content[section.key].length === 0;
        return (
          <li key={section.key} className="rounded-xl border border-line bg-surface p-4 print:break-inside-avoid print:rounded-none print:border-0 print:border-b print:p-1">
            <h2 className="font-semibold">
              {index + 1}. {section.title}
            </h2>
            {isEmpty ? <p className="text-ink-muted print:hidden">Nothing here yet.</p> : null}
            <ul className="mt-1 flex list-disc flex-col gap-1 pl-5 print:gap-0">
              {isContactSection(section.key)
                ? content[section.key].map((contact, at) => (
                    <li key={at}>
                      {contact.name}
                      {contact.phone ? (
                        <>
                          {": "}
                          <a href={telHref(contact.phone)} className="font-medium text-brand-strong underline">
                            {contact.phone}
                          </a>
                        </>
                      ) : null}
                    </li>
                  ))
                : content[section.key].map((line, at) => <li key={at}>{line}</li>)}
            </ul>
            {section.key === "professionals" && crisisText ? (
              <div className="mt-2 rounded-lg bg-danger-soft p-3 text-sm print:bg-transparent print:p-0">
                <p className="font-medium">From your practice, for when you need help now:</p>
                {crisisText.split(/\n\s*\n/).map((paragraph) => (
                  <p key={paragraph} className="mt-1">
                    {paragraph}
                  </p>
                ))}
              </div>
            ) : null}
          </li>
        );
      })}
    </ol>
  );
}
