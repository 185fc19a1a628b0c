import helmet, { type FastifyHelmetOptions } from '@fastify/helmet';
import Fastify from 'fastify';

export const HELMET_OPTIONS: FastifyHelmetOptions = {
  contentSecurityPolicy: {
    directives: {
      defaultSrc: ["'self'"],
      scriptSrc: ["'self'"],
      // Swagger UI sets inline style attributes as it renders.
      styleSrc: ["'self'", "'unsafe-inline'"],
      imgSrc: ["'self'", 'data:'],
    },
  },
};

/**
 * The headers @fastify/helmet sets under `options`, read once from a throwaway server. Without
 * CSP nonces they are the same for every request, and the plugin rebuilds them per request
 * (parsing the CSP directives each time), which cost more than a whole read's own work.
 */
export async function securityHeaders(
  options: FastifyHelmetOptions = HELMET_OPTIONS,
): Promise<Readonly<Record<string, string>>> {
  const probe = Fastify();
  let headers: Record<string, string> = {};
  try {
    await probe.register(helmet, options);
    probe.get('/', async (_request, reply) => {
      // Nothing else has touched the raw response yet: what is there is helmet's.
      headers = Object.fromEntries(
        Object.entries(reply.raw.getHeaders()).map(([name, value]) => [
          name,
          Array.isArray(value) ? value.join(', ') : String(value),
        ]),
      );
      return '';
    });
    await probe.inject('/');
  } finally {
    await probe.close();
  }
  if (headers['content-security-policy'] === undefined)
    throw new Error('security headers: helmet set no Content-Security-Policy');
  return headers;
}
