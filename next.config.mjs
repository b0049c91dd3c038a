/** @type {import('next').NextConfig} */
const nextConfig = {
  // PGlite loads its WebAssembly and data files from its own package directory at run time.
  serverExternalPackages: ['@electric-sql/pglite', 'nodemailer', 'mailparser'],
  experimental: {
    // Enables forbidden() so a signed-in officer gets a real 403 on trainer pages.
    authInterrupts: true,
  },
  poweredByHeader: false,
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
