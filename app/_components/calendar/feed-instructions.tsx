/** How to subscribe in the three calendar apps officers and trainers use. */
export function FeedInstructions() {
  return (
    <ul className="list-disc space-y-2 pl-5">
      <li>
        <strong>Apple Calendar</strong> (iPhone, iPad, Mac): press the subscribe button. On a Mac you can also choose File › New Calendar
        Subscription and paste the link.
      </li>
      <li>
        <strong>Outlook</strong>: in Outlook on the web or the new Outlook, choose Add calendar › Subscribe from web and paste the link. In
        classic Outlook for Windows: Add calendar › From Internet.
      </li>
      <li>
        <strong>Google Calendar</strong>: on a computer, next to “Other calendars” choose + › From URL and paste the link. Google checks for
        changes a few times a day, so a change can take some hours to show.
      </li>
    </ul>
  );
}
