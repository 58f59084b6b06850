// Task `reminders_tick`: run by graphile-worker's cron once a minute (once
// across all workers); finds the reminders due at the app clock's now().
import type { Task } from "graphile-worker";
import { getDb } from "../../db/client";
import { runRemindersTick } from "../../notifications/reminders";

export const remindersTick: Task = async () => {
  await runRemindersTick(getDb());
};
