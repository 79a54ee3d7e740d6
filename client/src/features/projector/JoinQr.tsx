import QRCode from 'qrcode';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';

/** Default QR size in CSS pixels; rendered at 2× for sharp projection. */
const QR_SIZE = 220;

/** The join link as a QR code, drawn to a data: URL (allowed by the CSP's img-src). */
export function JoinQr({ url, size = QR_SIZE }: { url: string; size?: number }) {
  const { t } = useTranslation();
  const [dataUrl, setDataUrl] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    QRCode.toDataURL(url, { width: size * 2, margin: 1, errorCorrectionLevel: 'M' })
      .then((data) => {
        if (live) setDataUrl(data);
      })
      .catch(() => {
        if (live) setDataUrl(null);
      });
    return () => {
      live = false;
    };
  }, [url, size]);
  if (!dataUrl) return null;
  return (
    <img className="qr" src={dataUrl} width={size} height={size} alt={t('projector.qrAlt')} data-testid="join-qr" />
  );
}
