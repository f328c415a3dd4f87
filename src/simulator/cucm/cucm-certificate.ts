// The simulated CUCM's certificate: self-signed, as CUCM's own tomcat
// certificate usually is, for 127.0.0.1, ::1 and localhost.
export interface CucmCertificate {
  readonly cert: string;
  readonly key: string;
}

export async function selfSignedCertificate(): Promise<CucmCertificate> {
  // Loaded only when a CUCM is simulated (it brings @peculiar/x509 and pkijs).
  // A CommonJS module: its default export is module.exports, in node and in the bundle alike.
  const { default: selfsigned } = await import('selfsigned');
  const pems = await selfsigned.generate([{ name: 'commonName', value: 'cucm-pub.simulated' }], {
    keyType: 'ec',
    curve: 'P-256',
    algorithm: 'sha256',
    notAfterDate: new Date(Date.now() + 30 * 24 * 3600 * 1000),
    extensions: [
      { name: 'basicConstraints', cA: true },
      { name: 'keyUsage', digitalSignature: true, keyCertSign: true },
      { name: 'extKeyUsage', serverAuth: true },
      {
        name: 'subjectAltName',
        altNames: [
          { type: 2, value: 'localhost' },
          { type: 7, ip: '127.0.0.1' },
          { type: 7, ip: '::1' },
        ],
      },
    ],
  });
  return { cert: pems.cert, key: pems.private };
}
