import { CodeForm } from './_components/code-form';
import { UploadForm } from './_components/upload-form';

export default function VerifyPage() {
  return (
    <div className="space-y-8">
      <div className="space-y-2">
        <h1 className="text-3xl font-bold">Verify a certificate</h1>
        <p className="text-slate-700">
          Check that an attendance certificate is real, whose it is, how many hours it carries, and whether it has been revoked.
        </p>
      </div>
      <section aria-labelledby="by-code" className="card space-y-4">
        <h2 id="by-code" className="text-xl font-semibold">
          Check a code
        </h2>
        <CodeForm />
      </section>
      <section aria-labelledby="by-file" className="card space-y-4">
        <div className="space-y-1">
          <h2 id="by-file" className="text-xl font-semibold">
            Check a PDF file
          </h2>
          <p className="text-slate-700">
            Muster keeps a fingerprint of every certificate file it issues. A file that has been edited in any way, even by one
            character, does not match.
          </p>
        </div>
        <UploadForm />
      </section>
    </div>
  );
}
