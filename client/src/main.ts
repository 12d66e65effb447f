import './app.css';
import { mount } from 'svelte';
import { registerSW } from 'virtual:pwa-register';
import App from './App.svelte';

const target = document.getElementById('app');
if (!target) throw new Error('index.html has no element with id "app" to mount Seashell in.');
mount(App, { target });

registerSW({
  immediate: true,
  onRegisterError(error: unknown) {
    console.warn('No service worker, so Seashell will not start offline:', error);
  },
});
