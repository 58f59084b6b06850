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

export function Button({
  variant = "primary",
  className = "",
  type = "button",
  ...props
}: ButtonHTMLAttributes<HTMLButtonElement> & { variant?: TButtonVariant }) {
  return <button type={type} className={buttonClassName(variant, className)} {...props} />;
}
