// A service with the spine's effect-recording reaction, as its own process, for the test that kills
// a consumer mid-batch. Settings come from the environment the test hands it; SIGTERM stops it cleanly.
import { runService } from '@wildlife/service-kit';
import { effectRecordingService } from '../../spine/effect-recording/effect-recording.service.js';

await runService(() => effectRecordingService(process.env));
