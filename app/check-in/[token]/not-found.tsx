import Link from 'next/link';

/** A code Muster did not make, or one cut short when it was copied: said plainly, about nobody. */
export default function CheckInCodeNotFound() {
  return (
    <div className="mx-auto max-w-xl space-y-4">
      <h1 className="text-3xl font-bold">This check-in code does not work</h1>
      <p>
        The code was not made by Muster, or the link was cut short when it was copied. Ask the person for the QR code in their latest
        confirmation email, or find them by name on the session’s check-in list.
      </p>
      <p>
        <Link href="/">Browse workshops</Link>
      </p>
    </div>
  );
}
