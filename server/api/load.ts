// For pages that must 404 when a record is missing or not the viewer's:
// prefetching swallows errors, so these fetch and translate NOT_FOUND (and
// malformed ids) into Next's notFound().
import "server-only";
import { notFound } from "next/navigation";
import { TRPCError } from "@trpc/server";

export async function orNotFound<T>(load: Promise<T>): Promise<T> {
  try {
    return await load;
  } catch (error) {
    if (error instanceof TRPCError && (error.code === "NOT_FOUND" || error.code === "BAD_REQUEST")) notFound();
    throw error;
  }
}
