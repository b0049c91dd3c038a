/** @type {import('next').NextConfig} */
const nextConfig = {
  // PGlite loads its WebAssembly and data files from its own package directory at run time.
  serverExternalPackages: ['@electric-sql/pglite', 'nodemailer', 'mailparser'],
  experimental: {
    // Enables forbidden() so a signed-in officer gets a real 403 on trainer pages.
    authInterrupts: true,
  },
  poweredByHeader: false,
};

export default nextConfig;
