import { redirect } from "next/navigation";
import { auth, homePathFor } from "@/server/auth/session";

export default async function RootPage() {
  const user = await auth();
  redirect(user ? homePathFor(user.role) : "/sign-in");
}
