import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createServiceApp, type ServiceApp } from '@wildlife/service-kit';
import { serviceTestEnvironment } from '@wildlife/testing';
import { loadNotificationConfig } from '../src/notification.config.js';
import { defineNotification } from '../src/service.js';

describe('the notification service', () => {
  const environment = serviceTestEnvironment('notification');
  let service: ServiceApp;
  let url: string;

  beforeAll(async () => {
    service = await createServiceApp(defineNotification(loadNotificationConfig(environment.env)));
    url = await service.listen();
  });

  afterAll(async () => {
    await service?.close();
    await environment.cleanup();
  });

  it('is live', async () => {
    const response = await fetch(`${url}/health/live`);
    expect(response.status).toBe(200);
  });

  it('is ready once its own PostgreSQL database and the Kafka broker answer', async () => {
    const response = await fetch(`${url}/health/ready`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({
      status: 'up',
      dependencies: [
        { name: 'postgres', up: true },
        { name: 'kafka', up: true },
      ],
    });
    const database = await service.pool.query<{ name: string }>('SELECT current_database() AS name');
    expect(database.rows[0]!.name).toBe(environment.env.DATABASE_NAME);
  });
});
