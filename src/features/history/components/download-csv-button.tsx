/** "Download CSV": the withdrawals the history lists, as a file named after the exchange and the day. */
import { Button } from '../../../components/ui/button';
import type { Environment } from '../../../config/proxy-contract';
import type { WithdrawalRow } from '../../../exchange/withdrawals';
import { downloadTextFile } from '../../../lib/download-file';
import { withdrawalsCsv, withdrawalsCsvFileName } from '../withdrawals-csv';

interface DownloadCsvButtonProps {
  rows: readonly WithdrawalRow[];
  environment: Environment | undefined;
}

export function DownloadCsvButton({ rows, environment }: DownloadCsvButtonProps) {
  const download = () => downloadTextFile(withdrawalsCsvFileName(environment, Date.now()), withdrawalsCsv(rows));
  return (
    <Button variant="secondary" className="px-2.5 py-1 text-xs" onClick={download} disabled={rows.length === 0}>
      Download CSV
    </Button>
  );
}
