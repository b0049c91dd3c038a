/** @type {import('next').NextConfig} */
const nextConfig = {
  // PGlite loads its WebAssembly and data files from its own package directory at run time.
  serverExternalPackages: ['@electric-sql/pglite', 'nodemailer', 'mailparser'],
  experimental: {
    // Enables forbidden() so a signed-in officer gets a real 403 on trainer pages.
    authInterrupts: true,
    // Cached pages live in this server's memory only: a page cached on disk would outlive the
    // data it was made from (a restart on another database, two servers sharing one build).
    isrFlushToDisk: false,
  },
  poweredByHeader: false,
  // An ETag means hashing every page body on every request; cached pages carry Cache-Control.
  generateEtags: false,
  async rewrites() {
    // `/` is the catalogue. Unfiltered, it comes from Next's cache (/browse/1); with filters or
    // a page number it is rendered per request (/search). The address bar keeps showing `/`.
    const queryKeys = ['q', 'topic', 'from', 'to', 'mode', 'joint', 'hasSeats', 'page'];
    return {
      beforeFiles: [
        ...queryKeys.map((key) => ({ source: '/', has: [{ type: 'query', key }], destination: '/search' })),
        { source: '/', destination: '/browse/1' },
      ],
    };
  },
};

export default nextConfig;
