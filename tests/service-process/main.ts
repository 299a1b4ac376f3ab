// The spine's effect-recording service as a process of its own, for the tests that kill a broker or
// a consumer, and those that stop it with signals. Settings come from the environment the test hands it.
import { runService } from '@wildlife/service-kit';
import { effectRecordingService } from '../spine/effect-recording/effect-recording.service.js';

await runService(() => effectRecordingService(process.env));
