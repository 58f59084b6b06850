// What a deleted person is called wherever their shared work is still shown.

/** What a deleted person is called wherever their shared work is still shown. */
export const FORMER_CLIENT_NAME = "Former client";

export const FORMER_THERAPIST_NAME = "Former therapist";
