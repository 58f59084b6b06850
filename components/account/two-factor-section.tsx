import { Card } from "@/components/ui/card";
import { TwoFactorPanel } from "./two-factor-panel";

/**
 * The "Two-step sign-in" card (the account page and /account/two-step). Its
 * page prefetches `twoFactor.status` inside HydrateClient, so the panel makes
 * no request on first render.
 */
export function TwoFactorSection({ hasExplainerLink = true }: { hasExplainerLink?: boolean }) {
  return (
    <Card title="Two-step sign-in">
      <div id="two-step">
        <TwoFactorPanel hasExplainerLink={hasExplainerLink} />
      </div>
    </Card>
  );
}
