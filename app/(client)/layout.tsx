import type { ReactNode } from "react";
import { SignedInLayout } from "@/app/_components/signed-in-layout";

export default function Layout({ children }: { children: ReactNode }) {
  return <SignedInLayout>{children}</SignedInLayout>;
}
