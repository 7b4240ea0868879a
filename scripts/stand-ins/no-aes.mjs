// Stands in for @noble/ciphers' AES in the bundle: pdfkit uses it only to encrypt PDFs, which
// briefkit never does, and the module computes its tables when it loads (~10 ms per process).
const refuse = () => {
  throw new Error('PDF encryption is not supported.');
};
export const cbc = refuse;
export const ecb = refuse;
