// An invitation's addresses: the link a therapist can copy from the screen,
// and the e-mailed one that also carries (in its fragment, never sent to the
// server with the page) the proof that whoever opens it reads the inbox.
import { appUrl } from "../env";

export function inviteUrl(token: string): string {
  return `${appUrl()}/invite/${token}`;
}

export function provedInviteUrl(token: string, proof: string): string {
  return `${inviteUrl(token)}#${proof}`;
}
