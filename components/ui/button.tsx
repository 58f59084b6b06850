import type { ButtonHTMLAttributes } from "react";

type TButtonVariant = "primary" | "secondary" | "quiet" | "danger";

const VARIANTS: Record<TButtonVariant, string> = {
  primary: "bg-brand text-white hover:bg-brand-strong disabled:bg-brand/60",
  secondary: "border border-line bg-surface text-ink hover:bg-canvas",
  quiet: "text-brand-strong underline-offset-4 hover:underline",
  danger: "bg-danger text-white hover:bg-danger/90",
};

export function buttonClassName(variant: TButtonVariant = "primary", extra = ""): string {
  return `inline-flex min-h-11 items-center justify-center gap-2 rounded-lg px-4 py-2 text-base font-medium transition-colors disabled:cursor-not-allowed ${VARIANTS[variant]} ${extra}`;
}

/** "Show more" at the foot of a list that loads a page at a time: "Loading…" while it does, gone when there is no more. */
export function LoadMoreButton({
  hasMore,
  isLoading,
  onClick,
  children,
}: {
  hasMore: boolean;
  isLoading: boolean;
  onClick: () => void;
  children: string;
}) {
  if (!hasMore) return null;
  return (
    <Button variant="secondary" className="self-start" disabled={isLoading} onClick={onClick}>
      {isLoading ? "Loading…" : children}
    </Button>
  );
}

export function Button({
  variant = "primary",
  className = "",
  type = "button",
  ...props
}: ButtonHTMLAttributes<HTMLButtonElement> & { variant?: TButtonVariant }) {
  return <button type={type} className={buttonClassName(variant, className)} {...props} />;
}
