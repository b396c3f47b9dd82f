import type { FormMessageState } from "@/components/ui/call-api";

/** The outcome of a form: an error (role=alert) or a confirmation (role=status). */
export function FormMessage({ message }: { message: FormMessageState }) {
  if (!message) return null;
  return (
    <p
      role={message.tone === "error" ? "alert" : "status"}
      className={`text-sm font-medium ${message.tone === "error" ? "text-red-700" : "text-green-800"}`}
    >
      {message.text}
    </p>
  );
}
