import { getQueryClient, HydrateClient, trpc } from "@/server/api/rsc";
import { Card } from "@/components/ui/card";
import { TwoFactorPanel } from "./two-factor-panel";

/** The account page's "Two-step sign-in" card: prefetched here, so the panel makes no request on first render. */
export async function TwoFactorSection({ hasExplainerLink = true }: { hasExplainerLink?: boolean }) {
  await getQueryClient().prefetchQuery(trpc.twoFactor.status.queryOptions());
  return (
    <HydrateClient>
      <Card title="Two-step sign-in">
        <div id="two-step">
          <TwoFactorPanel hasExplainerLink={hasExplainerLink} />
        </div>
      </Card>
    </HydrateClient>
  );
}
