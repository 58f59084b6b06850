// A practice around a therapist the deployment specs already seeded (issue
// 29): the therapist owns it, and a supervisor the client agreed to may read
// the client's records for two weeks. For the statement-budget and
// page-weight specs, which load the supervisor's pages.
import { hashPassword } from "../../server/auth/password";
import { sealField } from "../../server/crypto/sealed-fields";
import type { TDb } from "../../server/db/client";
import { newRowId } from "../../server/db/ids";

export async function seedConsentedSupervisor(
  db: TDb,
  options: { therapistEmail: string; engagementId: string; supervisorEmail: string; password: string; practiceName: string },
): Promise<{ requestId: string }> {
  const { engagementId } = options;
  const therapist = await db.user.findUniqueOrThrow({ where: { email: options.therapistEmail }, select: { id: true } });
  const supervisor = await db.user.create({
    data: { email: options.supervisorEmail, name: "Sue Supervisor", role: "therapist", passwordHash: await hashPassword(options.password), timeZone: "UTC" },
    select: { id: true },
  });
  await db.practice.create({
    data: { name: options.practiceName, members: { create: [{ userId: therapist.id, role: "owner" }, { userId: supervisor.id, role: "supervisor" }] } },
  });
  const requestId = newRowId();
  await db.supervisionRequest.create({
    data: {
      id: requestId,
      engagementId,
      supervisorId: supervisor.id,
      clinicianId: therapist.id,
      reason: sealField("supervisionReason", { engagementId, requestId }, "To support your therapist with your care."),
      until: new Date(Date.now() + 14 * 86_400_000),
      status: "agreed",
      answeredAt: new Date(),
    },
  });
  return { requestId };
}
