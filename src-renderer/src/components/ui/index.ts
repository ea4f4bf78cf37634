// The console's small component set: every screen builds from these.
export { Button, type ButtonVariant } from './Button';
export { Checkbox, Field, type FieldControl } from './Field';
export { Dialog } from './Dialog';
export { Notice, type NoticeTone } from './Notice';
export { classNames } from './class-names';
import './ui.css';
