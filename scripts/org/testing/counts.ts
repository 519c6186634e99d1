/**
 * What the package holds, counted straight from the files (a regular expression over the
 * sources, not the planner's parser), so the verify tests follow the package as it grows.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { walk } from '../../validate/problems';
import { PROJECT_ROOT } from '../project';

const LWC = join(PROJECT_ROOT, 'force-app/main/default/lwc');
const FLEXIPAGES = join(PROJECT_ROOT, 'force-app/main/default/flexipages');

/** `const X = gql\`…\`` documents in the components' sources (tests excluded). */
export const GQL_DOCUMENT_COUNT = walk(LWC, (name) => name === '__tests__')
  .filter((file) => file.endsWith('.ts'))
  .reduce((count, file) => count + (readFileSync(file, 'utf8').match(/=\s*gql`/g)?.length ?? 0), 0);

export const FLEXIPAGE_COUNT = readdirSync(FLEXIPAGES).filter((name) =>
  name.endsWith('.flexipage-meta.xml')
).length;
