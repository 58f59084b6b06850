-- CreateIndex
CREATE UNIQUE INDEX "agenda_items_session_id_message_id_key" ON "agenda_items"("session_id", "message_id");

