import { useLink } from '../../app/use-route';
import { ClientFilePage } from './ClientFilePage';
import { RegisterPage } from './RegisterPage';
import './clients.css';

/** `#/clients` is the register; `#/clients/<id>` a client's file. */
export function ClientsPage() {
  const link = useLink();
  if (link.route === 'clients' && link.client) return <ClientFilePage clientId={link.client} />;
  return <RegisterPage />;
}
