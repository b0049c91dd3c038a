/** A button that does something that cannot be undone. */
export const dangerButton = 'btn bg-red-700 text-white hover:bg-red-800';
/** The first, asking press of such a button: quieter, so it is not pressed by mistake. */
export const dangerOutlineButton = 'btn border border-red-300 bg-white text-red-800 hover:bg-red-50';
