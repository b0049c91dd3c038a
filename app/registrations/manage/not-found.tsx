import Link from 'next/link';

/** A wrong or outdated link: said plainly, with the ways back, and nothing about anyone. */
export default function ManageLinkNotFound() {
  return (
    <div className="mx-auto max-w-xl space-y-4">
      <h1 className="text-3xl font-bold">This link does not work</h1>
      <p>
        The link to manage a registration may have been cut short or mistyped when it was copied. Open the latest email about your place and
        use the link in it.
      </p>
      <p>
        Lost the email? Open the session’s page and register again with the same email address: you will be offered a new email with your
        link. If you sign in with that address, <Link href="/me">My training</Link> lists all your registrations.
      </p>
      <p>
        <Link href="/">Browse workshops</Link>
      </p>
    </div>
  );
}
