import { START } from '@parcours/event-store';
console.log('start', START);
