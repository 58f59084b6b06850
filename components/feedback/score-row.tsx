/** One 0–10 question as a row of radio buttons (big targets, arrow keys work). */
export function ScoreRow({ name, question, low, high }: { name: string; question: string; low: string; high: string }) {
  return (
    <fieldset className="flex flex-col gap-1.5">
      <legend className="font-medium">{question}</legend>
      <div className="grid grid-cols-6 gap-1 sm:grid-cols-11">
        {Array.from({ length: 11 }, (_, value) => (
          <label
            key={value}
            className="flex min-h-11 cursor-pointer items-center justify-center rounded-lg border border-line bg-surface font-medium has-checked:border-brand has-checked:bg-brand has-checked:text-white"
          >
            <input type="radio" name={name} value={value} className="sr-only" aria-label={`${question} ${value} of 10`} />
            {value}
          </label>
        ))}
      </div>
      <p className="flex justify-between text-sm text-ink-muted">
        <span>0 = {low}</span>
        <span>10 = {high}</span>
      </p>
    </fieldset>
  );
}
