/** A form's refusal (read out at once) and its send button, which says when it is working. */
export function SubmitRow({
  error,
  busy,
  ready,
  label,
  busyLabel,
}: {
  error: string | null;
  busy: boolean;
  ready: boolean;
  label: string;
  busyLabel: string;
}) {
  return (
    <>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      <button type="submit" disabled={busy || !ready}>
        {busy ? busyLabel : label}
      </button>
    </>
  );
}
